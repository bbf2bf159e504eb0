%% erlang:pid_to_list/1 and list_to_pid/1 (round trips; the text itself is not printed).
-module(proc_pid_text).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    erlang:display(list_to_pid(pid_to_list(self())) =:= self()),
    erlang:display(list_to_pid(pid_to_list(P)) =:= P),
    "<0." ++ Rest = pid_to_list(P),
    erlang:display(lists:suffix(".0>", Rest)),
    erlang:display(io_lib:format("~p", [P]) =:= [pid_to_list(P)]),
    P ! stop,
    erlang:display(is_pid(list_to_pid("<0.4242.0>"))),
    erlang:display(lists:flatten(io_lib:format("~w", [list_to_pid("<0.12.0>")]))),
    [erlang:display(catch list_to_pid(B))
     || B <- ["<0.1>", "0.1.0", "<0.x.0>", "<0..0>", "<0.1.0", [$<, 0.5], atom, "<0.-1.0>",
              "<0.1.0>x"]],
    erlang:display(catch pid_to_list(x)),
    erlang:display(catch pid_to_list("<0.1.0>")),
    ok.
