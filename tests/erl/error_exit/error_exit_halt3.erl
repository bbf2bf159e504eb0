-module(error_exit_halt3).
-export([main/0, id/1]).

%% halt(3) in the middle of main: exit status 3, later output never appears.
id(X) -> X.

main() ->
    erlang:display(before_halt),
    erlang:display({computed, lists:sum(lists:seq(1, ?MODULE:id(100)))}),
    halt(?MODULE:id(3)),
    erlang:display(after_halt_must_not_print).
