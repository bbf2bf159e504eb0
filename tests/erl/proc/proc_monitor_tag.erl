%% monitor/3's {tag, T}: the 'DOWN' message starts with T (any term; the last {tag, _} counts),
%% also for a target already gone (noproc); demonitor flush finds the tagged message; a bad
%% option list is badarg with cause badopt.
-module(proc_monitor_tag).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    R1 = erlang:monitor(process, P, [{tag, {my, tag, [1, 2], <<"bin">>}}]),
    R2 = erlang:monitor(process, P, [{tag, first}, {tag, second}]),
    R3 = erlang:monitor(process, P),
    P ! stop,
    erlang:display(receive {{my, tag, [1, 2], <<"bin">>}, R1, process, P, W1} -> {one, W1} end),
    erlang:display(receive {second, R2, process, P, W2} -> {two, W2} end),
    erlang:display(receive {'DOWN', R3, process, P, W3} -> {three, W3} end),
    R4 = erlang:monitor(process, P, [{tag, gone}]),
    erlang:display(receive {gone, R4, process, P, noproc} -> noproc_tagged end),
    Q = spawn(fun() -> receive stop -> ok end end),
    R5 = erlang:monitor(process, Q, [{tag, t5}]),
    exit(Q, kill),
    receive after 20 -> ok end,
    erlang:display(erlang:demonitor(R5, [flush, info])),
    erlang:display(receive Any -> {left, Any} after 0 -> nothing_left end),
    S = spawn(fun() -> receive stop -> ok end end),
    R6 = erlang:monitor(process, S, [{tag, t6}]),
    erlang:display(erlang:demonitor(R6, [info])),
    S ! stop,
    erlang:display(receive M -> {unexpected, M} after 50 -> no_down_after_demonitor end),
    erlang:display(cause(catch erlang:monitor(process, self(), [{tag}]))),
    erlang:display(cause(catch erlang:monitor(process, self(), [{tag, a} | b]))).

cause({'EXIT', {Reason, [{erlang, monitor, 3, [{error_info, Info} | _]} | _]}}) ->
    {Reason, maps:get(cause, Info, none)};
cause({'EXIT', {Reason, [{erlang, monitor, _, [{error_info, Info} | _]} | _]}}) ->
    {Reason, maps:get(cause, Info, none)};
cause(Other) -> Other.
