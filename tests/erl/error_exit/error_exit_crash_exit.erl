-module(error_exit_crash_exit).
-export([main/0, id/1]).

%% Uncaught exit(Reason) (non-normal): reason shown without stacktrace; status 1.
id(X) -> X.

main() ->
    erlang:display(before_exit),
    exit(?MODULE:id({shutdown, custom_reason})).
