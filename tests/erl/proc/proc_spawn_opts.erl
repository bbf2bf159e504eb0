%% spawn/1,2,4, spawn_link/1,2,4, spawn_monitor/1,2,3,4, spawn_opt/2,3,4,5 with erl's
%% options (and badarg, cause badopt, for bad ones), and process_flag/2's flags.
-module(proc_spawn_opts).
-export([main/0, id/1, report/2]).

id(X) -> X.

%% Sends the parent what the new process sees of itself.
report(Parent, Tag) ->
    Parent ! {Tag, process_info(self(), [priority, message_queue_data, initial_call]),
              process_info(self(), parent) =:= {parent, Parent}}.

main() ->
    S = self(),
    N = node(),
    process_flag(trap_exit, true),
    spawned(spawn(fun() -> report(S, s1) end), s1),
    spawned(spawn(N, fun() -> report(S, s2) end), s2),
    spawned(spawn(N, ?MODULE, report, [S, s4]), s4),
    spawned(spawn_link(fun() -> report(S, l1) end), l1),
    spawned(spawn_link(N, fun() -> report(S, l2) end), l2),
    spawned(spawn_link(N, ?MODULE, report, [S, l4]), l4),
    exits(3),
    monitored(spawn_monitor(fun() -> report(S, m1) end), m1),
    monitored(spawn_monitor(N, fun() -> report(S, m2) end), m2),
    monitored(spawn_monitor(?MODULE, report, [S, m3]), m3),
    monitored(spawn_monitor(N, ?MODULE, report, [S, m4]), m4),
    Opts = [{priority, high}, {min_heap_size, 1000}, {min_bin_vheap_size, 10000},
            {fullsweep_after, 3}, {message_queue_data, off_heap},
            {max_heap_size, 100000}, {max_heap_size, #{size => 0, kill => false}}],
    spawned(spawn_opt(fun() -> report(S, o2) end, Opts), o2),
    spawned(spawn_opt(N, fun() -> report(S, o3) end, [{priority, low}]), o3),
    spawned(spawn_opt(?MODULE, report, [S, o4], [{priority, max}]), o4),
    spawned(spawn_opt(N, ?MODULE, report, [S, o5], [link]), o5),
    exits(1),
    monitored(spawn_opt(?MODULE, report, [S, om], [monitor]), om),
    monitored(spawn_opt(?MODULE, report, [S, om2], [{monitor, []}, link]), om2),
    exits(1),
    %% {monitor, [{alias, demonitor}]}: the monitor reference is also an alias of the parent.
    {PA, RA} = spawn_opt(fun() -> receive {reply_to, To} -> To ! {To, via_alias} end end,
                         [{monitor, [{alias, demonitor}]}]),
    PA ! {reply_to, RA},
    receive {RA, Via} -> erlang:display(Via) end,
    receive {'DOWN', RA, process, PA, WhyA} -> erlang:display({alias_down, WhyA}) end,
    erlang:display(bad(fun() -> monitor(process, S, [{alias, bad}]) end)),
    Bad = [[{priority, bogus}], [bogus], [{min_heap_size, -1}], [{fullsweep_after, x}],
           [{message_queue_data, x}], [{max_heap_size, #{kill => true}}],
           [{max_heap_size, #{size => 1, kill => maybe}}], [{monitor, x}], [link | x], x,
           [{monitor, [{alias, bad}]}], [{monitor, [bogus]}],
           [{async_dist, true}], [{priority, high, x}]],
    [erlang:display({Opt, bad(fun() -> spawn_opt(?MODULE, report, [S, x], Opt) end)})
     || Opt <- Bad],
    erlang:display(bad(fun() -> spawn_opt(fun() -> ok end, [bogus]) end)),
    erlang:display(bad(fun() -> spawn(id(1), f, []) end)),
    erlang:display(bad(fun() -> spawn(m, f, id(x)) end)),
    erlang:display(bad(fun() -> spawn(id(x)) end)),
    erlang:display(bad(fun() -> spawn_monitor(id(x)) end)),
    flags(),
    ok.

spawned(P, Tag) when is_pid(P) ->
    receive {Tag, Info, IsParent} -> erlang:display({Tag, Info, IsParent}) end.

monitored({P, Ref}, Tag) when is_pid(P), is_reference(Ref) ->
    spawned(P, Tag),
    receive {'DOWN', Ref, process, P, Why} -> erlang:display({Tag, down, Why}) end.

exits(0) -> ok;
exits(K) -> receive {'EXIT', _, Why} -> erlang:display({exit, Why}), exits(K - 1) end.

%% The error, the function that raised it and its error_info (erl's own erlang module has no
%% line information; joist loads erlang.beam with it).
bad(F) ->
    try F() catch error:R:St ->
        {_, _, _, Info} = hd(St),
        {R, element(1, hd(St)), element(2, hd(St)), [I || {error_info, _} = I <- Info]}
    end.

flags() ->
    erlang:display([process_flag(priority, high), process_flag(priority, low),
                    process_flag(priority, max), process_flag(priority, normal)]),
    erlang:display(process_info(self(), priority)),
    erlang:display([process_flag(message_queue_data, off_heap),
                    process_flag(message_queue_data, on_heap)]),
    erlang:display([process_flag(sensitive, true), process_flag(sensitive, false)]),
    erlang:display([process_flag(error_handler, foo), process_flag(error_handler, error_handler)]),
    erlang:display(process_flag(save_calls, 0)),
    erlang:display([process_flag(trap_exit, false), process_flag(trap_exit, false)]),
    [erlang:display(bad(fun() -> process_flag(F, V) end))
     || {F, V} <- [{priority, bogus}, {message_queue_data, x}, {sensitive, 1},
                   {error_handler, "x"}, {save_calls, -1}, {save_calls, 10001},
                   {trap_exit, maybe}, {bogus, 1}, {"trap_exit", true}]].
