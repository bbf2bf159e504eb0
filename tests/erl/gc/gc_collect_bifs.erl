-module(gc_collect_bifs).
-export([main/0, id/1]).

%% erlang:garbage_collect/0,1,2: on itself, on another (waiting) process, on a dead one,
%% asynchronously, minor and major, and bad arguments.
id(X) -> X.

err(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

%% A process holding a big live list, and answering with its sum when asked.
holder(L) ->
    receive
        {sum, From} -> From ! {sum, lists:sum(L)}, holder(L);
        drop -> holder([]);
        stop -> ok
    end.

ask(P) -> P ! {sum, self()}, receive {sum, S} -> S end.

main() ->
    erlang:display(erlang:garbage_collect()),
    erlang:display(erlang:garbage_collect(self())),
    erlang:display(erlang:garbage_collect(self(), [{type, minor}])),
    erlang:display(erlang:garbage_collect(self(), [{type, major}])),
    erlang:display(err(fun() -> erlang:garbage_collect(self(), [{type, foo}]) end)),
    erlang:display(err(fun() -> erlang:garbage_collect(self(), [bad]) end)),
    erlang:display(err(fun() -> erlang:garbage_collect(self(), bad) end)),
    erlang:display(err(fun() -> erlang:garbage_collect(?MODULE:id(foo)) end)),
    erlang:display(err(fun() -> erts_internal:garbage_collect(?MODULE:id(foo)) end)),
    %% Another process, before and after it drops its data.
    P = spawn(fun() -> holder(lists:seq(1, 50000)) end),
    S0 = ask(P),
    erlang:display(erlang:garbage_collect(P)),
    erlang:display(ask(P) =:= S0),
    erlang:display(erlang:garbage_collect(P, [{type, minor}])),
    erlang:display(ask(P) =:= S0),
    {total_heap_size, Big} = erlang:process_info(P, total_heap_size),
    P ! drop,
    erlang:display(erlang:garbage_collect(P)),
    {total_heap_size, Small} = erlang:process_info(P, total_heap_size),
    erlang:display({shrunk, Small < Big, Big > 50000, Small < 1000}),
    %% Asynchronous: the answer comes as a message.
    Ref = make_ref(),
    erlang:display(erlang:garbage_collect(P, [{async, Ref}])),
    receive {garbage_collect, Ref, R1} -> erlang:display({async, R1}) end,
    erlang:display(erlang:garbage_collect(self(), [{async, Ref}, {type, minor}])),
    receive {garbage_collect, Ref, R2} -> erlang:display({async_self, R2}) end,
    P ! stop,
    Mon = monitor(process, P),
    receive {'DOWN', Mon, process, P, Why} -> erlang:display(Why) end,
    %% A dead process: false, synchronously or not.
    erlang:display(erlang:garbage_collect(P)),
    erlang:display(erlang:garbage_collect(P, [{async, Ref}])),
    receive {garbage_collect, Ref, R3} -> erlang:display({async_dead, R3}) end,
    %% statistics(garbage_collection) counts collections.
    {N1, W1, 0} = statistics(garbage_collection),
    _ = [lists:seq(1, 100) || _ <- lists:seq(1, 100)],
    true = erlang:garbage_collect(),
    {N2, W2, 0} = statistics(garbage_collection),
    erlang:display({N2 > N1, W2 >= W1, is_integer(W2)}),
    ok.
