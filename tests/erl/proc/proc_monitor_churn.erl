%% Monitors, demonitors and links sent to a process that waits in receive: they take effect
%% whenever it next acts on its signals (as a server monitored around every call sees), and
%% every monitor still gives exactly one 'DOWN' with the right reason.
-module(proc_monitor_churn).
-export([main/0]).

main() ->
    S = spawn(fun wait/0),
    %% many monitor/demonitor pairs on an idle process leave nothing behind
    [erlang:demonitor(erlang:monitor(process, S)) || _ <- lists:seq(1, 1000)],
    erlang:display({after_churn, length(monitored_by(S))}),
    Ms = [erlang:monitor(process, S) || _ <- lists:seq(1, 5)],
    erlang:display({five, length(monitored_by(S))}),
    [erlang:demonitor(M) || M <- tl(Ms)],
    erlang:display({one_left, length(monitored_by(S))}),
    exit(S, kill),
    erlang:display({down, downs(hd(Ms))}),
    erlang:display({no_more_down, no_message()}),
    %% a link to an idle process is in place when it is killed
    process_flag(trap_exit, true),
    T = spawn(fun wait/0),
    link(T),
    exit(T, kill),
    receive {'EXIT', T, R} -> erlang:display({exit_from_link, R}) end,
    %% an idle process that is monitored, then gets a message and ends normally
    U = spawn(fun() -> receive go -> ok end end),
    MU = erlang:monitor(process, U),
    U ! go,
    receive {'DOWN', MU, process, U, RU} -> erlang:display({down_normal, RU}) end,
    %% demonitor with flush after the target died: no 'DOWN' left
    V = spawn(fun wait/0),
    MV = erlang:monitor(process, V),
    exit(V, kill),
    timer:sleep(10),
    erlang:display({flush, erlang:demonitor(MV, [flush, info]), no_message()}),
    %% a monitor on a dead process: noproc
    MD = erlang:monitor(process, V),
    receive {'DOWN', MD, process, V, RD} -> erlang:display({dead, RD}) end,
    %% clients calling a server with monitor + demonitor, from several processes at once
    Srv = spawn(fun() -> server(0) end),
    Self = self(),
    Cs = [spawn(fun() -> Self ! {done, client(Srv, 200, 0)} end) || _ <- lists:seq(1, 8)],
    Sums = [receive {done, X} -> X end || _ <- Cs],
    erlang:display({calls, lists:sum(Sums), length(monitored_by(Srv))}),
    exit(Srv, kill),
    ok.

wait() -> receive never -> ok end.

monitored_by(P) ->
    {monitored_by, L} = process_info(P, monitored_by),
    L.

downs(M) ->
    receive {'DOWN', M, process, _, R} -> R after 1000 -> timeout end.

no_message() ->
    receive Any -> {unexpected, Any} after 50 -> none end.

server(N) ->
    receive {call, From, Tag, I} -> From ! {Tag, I + 1}, server(N + 1) end.

client(_Srv, 0, Acc) -> Acc;
client(Srv, K, Acc) ->
    Tag = make_ref(),
    Mon = erlang:monitor(process, Srv),
    Srv ! {call, self(), Tag, K},
    receive
        {Tag, R} -> erlang:demonitor(Mon), client(Srv, K - 1, Acc + R);
        {'DOWN', Mon, process, _, Reason} -> exit(Reason)
    end.
