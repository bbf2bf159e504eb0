%% Messages and signals that carry refcounted (over 64 bytes) binaries between processes:
%% the receiver holds them after collections, sees them in process_info(_, binary), and
%% exit reasons and 'DOWN' reasons carry them too.
-module(proc_refc_messages).
-export([main/0]).

main() ->
    Big = binary:copy(<<"abcdefgh">>, 1000),
    Self = self(),
    Holder = spawn(fun() ->
                           receive {keep, B1, B2} ->
                                   erlang:garbage_collect(),
                                   {binary, Bins} = process_info(self(), binary),
                                   Self ! {held, byte_size(B1), B1 =:= B2, length(Bins)},
                                   receive stop -> exit({done, B1}) end
                           end
                   end),
    Ref = monitor(process, Holder),
    Holder ! {keep, Big, binary:part(Big, 100, 200)},
    receive {held, _, _, _} = H -> io:format("~p~n", [H]) end,
    Holder ! stop,
    receive {'DOWN', Ref, process, Holder, {done, R}} ->
            io:format("down ~p ~p~n", [byte_size(R), R =:= Big])
    end,
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> exit({bye, binary:copy(<<1,2,3>>, 100)}) end),
    receive {'EXIT', P, {bye, B}} -> io:format("exit ~p~n", [byte_size(B)]) end,
    %% many messages with binaries, received after the sender is gone
    Q = spawn(fun() -> [Self ! {n, I, binary:copy(<<I>>, 100)} || I <- lists:seq(1, 300)] end),
    Mon = monitor(process, Q),
    receive {'DOWN', Mon, process, Q, normal} -> ok end,
    erlang:garbage_collect(),
    Sizes = [receive {n, I, Bin} -> {I, byte_size(Bin), binary:first(Bin)} end
             || I <- lists:seq(1, 300)],
    io:format("~p ~p~n", [length(Sizes), lists:last(Sizes)]),
    ok.
