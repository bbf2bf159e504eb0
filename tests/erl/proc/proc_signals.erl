-module(proc_signals).
-export([main/0, id/1]).

%% Exit signals, links, trap_exit, monitors: erl's message shapes and reasons.
id(X) -> X.

main() ->
    process_flag(trap_exit, true),
    %% kill is untrappable for the target and arrives as killed through links
    P1 = spawn_link(fun() -> receive _ -> ok end end),
    exit(P1, kill),
    receive {'EXIT', P1, R1} -> erlang:display({kill_link, R1}) end,
    %% normal exit signals do not kill a non-trapping process
    P2 = spawn(fun() -> receive stop -> ok end end),
    exit(P2, normal),
    erlang:display({alive_after_normal, is_process_alive(P2)}),
    exit(P2, other),
    receive after 5 -> ok end,
    erlang:display({alive_after_other, is_process_alive(P2)}),
    %% an exit reason propagates through a link (error and throw crashes also write an error
    %% report, with a timestamp, to standard output in erl: not compared here)
    P3 = spawn_link(fun() -> exit({crash, here}) end),
    receive {'EXIT', P3, {crash, here}} -> erlang:display(crash_seen) end,
    %% monitor on a dead process: noproc at once
    Ref = monitor(process, P1),
    receive {'DOWN', Ref, process, P1, noproc} -> erlang:display(noproc_down) end,
    %% monitor by registered name
    P5 = spawn(fun() -> receive stop -> exit(bye) end end),
    register(watched, P5),
    Ref2 = monitor(process, watched),
    P5 ! stop,
    receive {'DOWN', Ref2, process, {watched, Node}, bye} -> erlang:display({named_down, Node}) end,
    erlang:display(whereis(watched)),
    %% demonitor with flush removes a delivered DOWN
    P6 = spawn(fun() -> ok end),
    Ref3 = monitor(process, P6),
    receive after 5 -> ok end,
    erlang:display(demonitor(Ref3, [flush, info])),
    erlang:display(receive {'DOWN', Ref3, _, _, _} -> still_there after 0 -> flushed end),
    %% unlink: no EXIT after
    P7 = spawn_link(fun() -> receive go -> exit(late) end end),
    unlink(P7),
    P7 ! go,
    erlang:display(receive {'EXIT', P7, _} -> got_exit after 20 -> no_exit end),
    %% link to a dead process while trapping: {'EXIT', Pid, noproc}
    link(P1),
    receive {'EXIT', P1, noproc} -> erlang:display(link_noproc) end,
    {'EXIT', {badarg, _}} = (catch register(watched2, id(not_a_pid))),
    erlang:display({unregister_error, catch unregister(not_registered)}),
    ok.
