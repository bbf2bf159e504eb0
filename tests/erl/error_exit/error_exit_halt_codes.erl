-module(error_exit_halt_codes).
-export([main/0, id/1]).

%% halt(255): largest portable status.
id(X) -> X.

main() ->
    erlang:display(halting_with_255),
    erlang:halt(?MODULE:id(255)).
