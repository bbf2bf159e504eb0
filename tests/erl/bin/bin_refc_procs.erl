-module(bin_refc_procs).
-export([main/0, id/1]).

%% Big (off-heap) binaries between processes: sent whole and as sub-binaries, passed around a
%% ring with appends on the way, kept after their sender died and after collections, given as
%% spawn arguments, stored in persistent_term, and seen by process_info(P, binary).
id(X) -> X.

echo() ->
    receive
        {From, stop} -> From ! {self(), stopped};
        {From, Bin} ->
            From ! {self(), byte_size(Bin), erlang:phash2(Bin), binary_part(Bin, 0, 3)},
            echo()
    end.

call(Pid, Msg) ->
    Pid ! {self(), Msg},
    receive {Pid, stopped} -> stopped;
            {Pid, Size, Hash, Head} -> {Size, Hash, Head}
    end.

ring_node(Next) ->
    receive
        {bin, N, Bin} ->
            Next ! {bin, N - 1, <<Bin/binary, N>>},
            ring_node(Next)
    end.

ring(N, Bin) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> ring_node(Next) end) end, Self,
                        lists:seq(1, N)),
    First ! {bin, N, Bin},
    receive {bin, 0, Out} -> Out end.

keeper() ->
    receive {From, {keep, Bin}} -> From ! {self(), kept}, keeper(Bin) end.
keeper(Bin) ->
    receive
        {From, check} ->
            erlang:garbage_collect(),
            From ! {self(), byte_size(Bin), erlang:phash2(Bin)},
            keeper(Bin)
    end.

main() ->
    Big = list_to_binary([lists:duplicate(1000, C) || C <- "abcdef"]),
    <<_:7/binary, Sub:2000/binary, _/binary>> = ?MODULE:id(Big),
    <<_:5, Unaligned:4001/bitstring, _/bitstring>> = Big,
    E = spawn(fun echo/0),
    erlang:display([call(E, B) || B <- [Big, Sub, binary:copy(Sub), <<Unaligned/bitstring, 0:7>>,
                                        binary_part(Big, 5990, 10)]]),
    erlang:display(call(E, stop)),
    %% A ring: each hop sends on a longer binary.
    Out = ring(50, binary_part(Big, 100, 1000)),
    erlang:display({byte_size(Out), binary:last(Out), erlang:phash2(Out)}),
    %% The receiver keeps the binary after its sender died and after collections.
    Self = self(),
    K = spawn(fun keeper/0),
    Maker = spawn(fun() ->
                          Made = binary:copy(<<"xyz">>, 10000),
                          K ! {self(), {keep, Made}},
                          receive {K, kept} -> Self ! made end
                  end),
    receive made -> ok end,
    MRef = monitor(process, Maker),
    receive {'DOWN', MRef, process, _, _} -> erlang:display(maker_gone) end,
    garbage_collect(),
    K ! {self(), check},
    receive {K, KSize, KHash} -> erlang:display({kept, KSize, KHash}) end,
    %% Spawn arguments and the result sent back.
    P = spawn(erlang, apply, [fun(B, To) -> To ! {self(), <<B/binary, B/binary>>} end,
                              [Sub, self()]]),
    receive {P, Doubled} -> erlang:display({byte_size(Doubled), Doubled =:= <<Sub/binary, Sub/binary>>}) end,
    %% Many big binaries through one mailbox, then collected.
    Q = spawn(fun() -> [Self ! {chunk, binary:copy(<<I>>, 500)} || I <- lists:seq(1, 100)] end),
    Chunks = [receive {chunk, C} -> C end || _ <- lists:seq(1, 100)],
    garbage_collect(),
    erlang:display({length(Chunks), lists:sum([byte_size(C) || C <- Chunks]),
                    [binary:first(C) || C <- lists:sublist(Chunks, 5)], is_pid(Q)}),
    %% persistent_term holds a big binary after the process that stored it is gone.
    Stored = spawn(fun() -> persistent_term:put({?MODULE, big}, <<Big/binary, "!">>),
                            Self ! stored end),
    receive stored -> ok end,
    R = monitor(process, Stored),
    receive {'DOWN', R, process, _, _} -> ok end,
    garbage_collect(),
    PT = persistent_term:get({?MODULE, big}),
    erlang:display({byte_size(PT), binary:last(PT), binary_part(PT, 2998, 4)}),
    Getter = spawn(fun() -> Self ! {got, byte_size(persistent_term:get({?MODULE, big}))} end),
    receive {got, GotSize} -> erlang:display({got, GotSize, is_pid(Getter)}) end,
    persistent_term:erase({?MODULE, big}),
    %% process_info(P, binary): the off-heap binaries a process references.
    Holder = spawn(fun() ->
                           Mine = binary:copy(<<"m">>, 3000),
                           receive {From, info} ->
                                   garbage_collect(),
                                   {binary, L} = process_info(self(), binary),
                                   From ! {info, lists:sort([{S, C} || {_, S, C} <- L]),
                                           byte_size(Mine)}
                           end
                   end),
    Holder ! {self(), info},
    receive {info, Infos, _} -> erlang:display(Infos) end,
    Shared = binary:copy(<<"s">>, 700),
    Holder2 = spawn(fun() ->
                            receive {From, B} ->
                                    garbage_collect(),
                                    {binary, L} = process_info(self(), binary),
                                    From ! {info, lists:sort([{S, C} || {_, S, C} <- L]),
                                            byte_size(B)}
                            end
                    end),
    Holder2 ! {self(), Shared},
    receive {info, Infos2, N2} -> erlang:display({Infos2, N2}) end,
    erlang:display(byte_size(Shared)).
