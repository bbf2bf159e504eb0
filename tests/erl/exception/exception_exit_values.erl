-module(exception_exit_values).
-export([main/0, id/1]).

%% exit/1 with various reasons, caught by catch and by try.
id(X) -> X.

main() ->
    Reasons = [normal, kill, shutdown, {shutdown, why}, 42, "string", [], {a, b, c}, 1.5, self_destruct],
    [erlang:display({catch exit(?MODULE:id(R)), try exit(?MODULE:id(R)) catch exit:X -> {exit, X} end}) || R <- Reasons],
    ok.
