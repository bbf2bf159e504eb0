%% Messages a process sends to itself: order against its other sends (erlang:send/2,
%% timers, messages from others), terms that share structure with live data, collections
%% while they are queued, and what process_info shows of them.
-module(proc_self_send).
-export([main/0]).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

main() ->
    %% the operator and erlang:send/2 interleaved: one sender, one order
    self() ! a, erlang:send(self(), b), self() ! c, erlang:send(self(), d), self() ! e,
    io:format("~p~n", [flush()]),
    %% a term shared with live data, then the live data is dropped and the heap collected
    Big = [{N, integer_to_list(N), <<N:64>>} || N <- lists:seq(1, 2000)],
    self() ! {big, Big},
    Bin = binary:copy(<<"x">>, 200),
    self() ! {bin, Bin, Bin},
    io:format("~p~n", [process_info(self(), message_queue_len)]),
    erlang:garbage_collect(),
    Sum = receive {big, L} -> lists:sum([N || {N, _, _} <- L]) end,
    io:format("~p~n", [Sum]),
    erlang:garbage_collect(),
    receive {bin, B1, B2} -> io:format("~p ~p~n", [byte_size(B1), B1 =:= B2]) end,
    %% many queued self-sends survive collections, in order, with a selective receive
    [self() ! {junk, I} || I <- lists:seq(1, 5000)],
    self() ! target,
    _ = [erlang:garbage_collect() || _ <- lists:seq(1, 3)],
    receive target -> ok end,
    Junk = flush(),
    io:format("~p ~p ~p~n", [length(Junk), hd(Junk), lists:last(Junk)]),
    io:format("~p~n", [Junk =:= [{junk, I} || I <- lists:seq(1, 5000)]]),
    %% a message from another process that arrives first stays first
    Self = self(),
    P = spawn(fun() -> Self ! {from, other}, Self ! {from, other2} end),
    Ref = monitor(process, P),
    receive {'DOWN', Ref, process, P, _} -> ok end,
    self() ! mine,
    io:format("~p~n", [flush()]),
    %% a timer's message and self-sends
    erlang:send_after(0, self(), timer),
    timer:sleep(10),
    self() ! after_timer,
    io:format("~p~n", [flush()]),
    %% messages in process_info
    self() ! {one, [1, 2]}, self() ! {two, #{k => v}},
    io:format("~p~n", [process_info(self(), messages)]),
    _ = flush(),
    ok.
