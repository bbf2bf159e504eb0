-module(error_exit_crash_throw).
-export([main/0, id/1]).

%% Uncaught throw becomes {nocatch, Value}; status 1.
id(X) -> X.

main() ->
    erlang:display(before_throw),
    throw(?MODULE:id({my_ball, [1, 2, 3]})).
