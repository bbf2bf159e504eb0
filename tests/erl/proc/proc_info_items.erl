%% process_info/1,2: the items about the process itself (no pids, refs or sizes printed:
%% those are shown as what they are or as counts).
-module(proc_info_items).
-export([main/0, id/1, waiter/0]).

id(X) -> X.

waiter() -> receive stop -> ok end.

main() ->
    Self = self(),
    P = spawn(?MODULE, waiter, []),
    wait_until_waiting(P),
    %% Where a waiting process is.
    erlang:display(process_info(P, current_function)),
    erlang:display(process_info(P, current_location)),
    erlang:display(process_info(P, current_stacktrace)),
    erlang:display(process_info(P, [status, initial_call, catchlevel, priority, trap_exit])),
    erlang:display(process_info(P, parent) =:= {parent, Self}),
    erlang:display(process_info(P, group_leader) =:= {group_leader, group_leader()}),
    %% Where the caller is.
    erlang:display(process_info(self(), current_function)),
    erlang:display(process_info(self(), current_location)),
    erlang:display(element(1, hd(element(2, process_info(self(), current_stacktrace))))),
    erlang:display(process_info(self(), status)),
    erlang:display(catch_levels()),
    %% The fixed items.
    erlang:display(process_info(self(), [error_handler, suspending, trace,
                                         sequential_trace_token, last_calls,
                                         message_queue_data])),
    %% Messages.
    P ! hello, P ! {world, [1, 2.5, <<"bin">>]},
    erlang:display(process_info(P, [message_queue_len, messages])),
    self() ! mine,
    erlang:display(process_info(self(), [messages, message_queue_len])),
    receive mine -> ok end,
    %% Links, monitors and monitored_by, as counts and shapes.
    link(P),
    erlang:display(process_info(P, links) =:= {links, [Self]}),
    {links, MyLinks} = process_info(self(), links),
    erlang:display(lists:member(P, MyLinks)),
    Ref = erlang:monitor(process, P),
    {monitors, Ms} = process_info(self(), monitors),
    erlang:display(lists:member({process, P}, Ms)),
    erlang:display(process_info(P, monitored_by) =:= {monitored_by, [Self]}),
    register(proc_info_items_named, P),
    Ref2 = erlang:monitor(process, proc_info_items_named),
    {monitors, Ms2} = process_info(self(), monitors),
    erlang:display(lists:member({process, {proc_info_items_named, node()}}, Ms2)),
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(P, [registered_name])),
    erlang:demonitor(Ref), erlang:demonitor(Ref2),
    unregister(proc_info_items_named),
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(P, [registered_name])),
    erlang:display(process_info(P, [monitored_by])),
    %% The dictionary and trap_exit.
    put(k1, v1), put(k2, {v, 2}),
    {dictionary, D} = process_info(self(), dictionary),
    erlang:display(lists:sort(D)),
    process_flag(trap_exit, true),
    erlang:display(process_info(self(), trap_exit)),
    process_flag(trap_exit, false),
    unlink(P),
    %% Reductions grow.
    {reductions, R1} = process_info(self(), reductions),
    lists:seq(1, 1000),
    {reductions, R2} = process_info(self(), reductions),
    erlang:display(R2 > R1),
    %% process_info/1's keys (the heap ones are left out: their values are the collector's).
    Keys = [K || {K, _} <- process_info(P),
                 not lists:member(K, [total_heap_size, heap_size, stack_size,
                                      garbage_collection])],
    erlang:display(Keys),
    %% Lists of items, duplicates, the empty list.
    erlang:display(process_info(P, [])),
    wait_until_waiting(P),
    erlang:display(process_info(P, [status, status])),
    %% Bad arguments and dead processes.
    erlang:display(bad(fun() -> process_info(P, no_such_item) end)),
    erlang:display(bad(fun() -> process_info(P, [status, no_such_item]) end)),
    erlang:display(bad(fun() -> process_info(P, [status | status]) end)),
    erlang:display(bad(fun() -> process_info(P, "status") end)),
    erlang:display(catch process_info(self, status)),
    erlang:display(catch process_info(self)),
    P ! stop,
    Mon = erlang:monitor(process, P),
    receive {'DOWN', Mon, process, P, _} -> ok end,
    erlang:display(process_info(P, status)),
    erlang:display(process_info(P, [status, messages])),
    erlang:display(process_info(P)),
    erlang:display(bad(fun() -> process_info(P, no_such_item) end)),
    ok.

%% An error without the pid in it: its reason and the function that raised it.
bad(F) ->
    try F() catch error:R:St -> {R, element(1, hd(St)), element(2, hd(St))} end.

catch_levels() ->
    L0 = level(),
    L1 = (catch level()),
    L2 = try {level(), (catch level())} catch _ -> error end,
    {L0, L1, L2}.

level() -> element(2, process_info(self(), catchlevel)).

wait_until_waiting(P) ->
    case process_info(P, status) of
        {status, waiting} -> ok;
        _ -> erlang:yield(), wait_until_waiting(P)
    end.
