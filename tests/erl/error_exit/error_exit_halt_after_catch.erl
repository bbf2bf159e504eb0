-module(error_exit_halt_after_catch).
-export([main/0, id/1]).

%% Errors that were caught don't affect the exit status; halt(7) at the end.
id(X) -> X.

main() ->
    erlang:display(catch error(?MODULE:id(caught_one))),
    erlang:display(try throw(?MODULE:id(t)) catch throw:T -> {caught, T} end),
    halt(?MODULE:id(7)).
