-module(timer_send_after).
-export([main/0]).

%% send_after/start_timer delivery: order among well-separated timers, the message shapes,
%% destinations by name (resolved at expiry) and dead destinations.
main() ->
    Self = self(),
    %% inserted out of order: they arrive by deadline
    [erlang:send_after(T, Self, {t, T}) || T <- [90, 30, 120, 0, 60]],
    erlang:display([receive {t, _} = M -> M end || _ <- lists:seq(1, 5)]),
    %% start_timer wraps the message with the timer reference
    R = erlang:start_timer(10, Self, hello),
    receive {timeout, R2, Msg} -> erlang:display({timeout, R2 =:= R, Msg}) end,
    R3 = erlang:start_timer(10, Self, {a, [b, "c"], <<"d">>}, []),
    receive {timeout, R3, M3} -> erlang:display(M3) end,
    %% send_after/4 with {abs, true}: a deadline on the monotonic clock
    receive after 40 -> ok end,  % an absolute time before the VM started is badarg
    Now = erlang:monotonic_time(millisecond),
    erlang:send_after(Now + 40, Self, abs_late, [{abs, true}]),
    erlang:send_after(Now + 10, Self, abs_early, [{abs, true}, {abs, true}]),
    erlang:send_after(Now - 30, Self, abs_past, [{abs, true}]),
    erlang:display([receive X -> X end || _ <- lists:seq(1, 3)]),
    erlang:send_after(30, Self, rel_after_abs, [{abs, false}]),
    receive rel_after_abs -> erlang:display(rel_after_abs) end,
    %% a registered name is looked up when the timer expires
    erlang:send_after(30, later_name, to_name),
    Named = spawn(fun() -> receive M -> Self ! {named_got, M} end end),
    register(later_name, Named),
    receive {named_got, G} -> erlang:display({named_got, G}) end,
    %% no process under the name at expiry: dropped
    erlang:send_after(10, nobody_here, lost),
    %% a dead pid: no timer at all
    Dead = spawn(fun() -> ok end),
    Mon = monitor(process, Dead),
    receive {'DOWN', Mon, _, _, _} -> ok end,
    DR = erlang:send_after(10, Dead, lost),
    erlang:display({dead_pid_timer, erlang:read_timer(DR)}),
    %% a process that exits before expiry: its timers are cancelled
    Short = spawn(fun() -> receive stop -> ok end end),
    SR = erlang:send_after(500, Short, lost),
    erlang:display({before_exit, is_integer(erlang:read_timer(SR))}),
    Mon2 = monitor(process, Short),
    Short ! stop,
    receive {'DOWN', Mon2, _, _, _} -> ok end,
    erlang:display({after_exit, erlang:read_timer(SR)}),
    erlang:display(receive Any -> {unexpected, Any} after 60 -> nothing_more end),
    %% many timers to many processes, each process gets its own in order
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {self(), [receive {n, K} -> K end || _ <- lists:seq(1, 4)]} end)
            || _ <- lists:seq(1, 20)],
    [erlang:send_after(40 - 10 * K, P, {n, 4 - K}) || P <- Pids, K <- [0, 1, 2, 3]],
    Got = [receive {P, L} -> L end || P <- Pids],
    erlang:display(lists:usort(Got)),
    ok.
