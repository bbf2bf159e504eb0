-module(error_exit_halt_string).
-export([main/0, id/1]).

%% halt("message"): message goes to stderr (not compared), status 1.
id(X) -> X.

main() ->
    erlang:display(about_to_halt_with_string),
    halt(?MODULE:id("fatal: something went wrong")).
