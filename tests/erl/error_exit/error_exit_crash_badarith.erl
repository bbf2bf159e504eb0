-module(error_exit_crash_badarith).
-export([main/0, id/1]).

%% Uncaught badarith: erl prints {"init terminating in do_boot",{badarith,Stack}}
%% on stdout (via erlang:display in init), then exits with status 1.
id(X) -> X.

main() ->
    erlang:display(before_crash),
    X = ?MODULE:id(1) div ?MODULE:id(0),
    erlang:display({not_reached, X}).
