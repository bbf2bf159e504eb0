%% Sending to, linking to and monitoring another node's pid with no distribution running
%% (erl not alive): what erl does.
-module(etf_ext_signals).
-export([main/0]).

main() ->
    P = binary_to_term(<<131, 88, 100, 0, 3, "a@a", 0:32, 1:32, 17:32>>),
    Port = binary_to_term(<<131, 89, 100, 0, 3, "a@a", 1:32, 3:32>>),
    io:format("~w~n", [P ! hello]),
    io:format("~w~n", [erlang:send(P, hello, [])]),
    io:format("~w~n", [erlang:send(P, hello, [noconnect])]),
    io:format("~w~n", [{foo, 'a@a'} ! hi]),
    io:format("~w~n", [erlang:send({foo, 'a@a'}, hi, [noconnect])]),
    io:format("~w~n", [link(P)]),
    receive {'EXIT', P, R} -> io:format("exit ~w~n", [R]) after 200 -> io:format("none~n") end,
    process_flag(trap_exit, true),
    io:format("~w~n", [link(P)]),
    receive {'EXIT', P, R2} -> io:format("exit ~w~n", [R2]) after 200 -> io:format("none~n") end,
    process_flag(trap_exit, false),
    io:format("~w~n", [unlink(P)]),
    M = monitor(process, P),
    receive {'DOWN', M, process, P, R3} -> io:format("down ~w~n", [R3])
    after 200 -> io:format("none~n") end,
    M2 = monitor(process, P, [{tag, mytag}]),
    receive {mytag, M2, process, P, R4} -> io:format("tagged down ~w~n", [R4])
    after 200 -> io:format("none~n") end,
    io:format("~w~n", [demonitor(M)]),
    io:format("~w~n", [element(1, catch monitor(process, {foo, 'a@a'}))]),
    io:format("~w~n", [element(1, catch monitor(port, Port))]),
    io:format("~w~n", [exit(P, normal)]),
    io:format("~w~n", [element(1, catch is_process_alive(P))]),
    io:format("~w~n", [element(1, catch process_info(P))]),
    receive Other -> io:format("left ~w~n", [Other]) after 100 -> io:format("empty~n") end,
    ok.
