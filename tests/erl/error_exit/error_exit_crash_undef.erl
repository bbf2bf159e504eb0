-module(error_exit_crash_undef).
-export([main/0, id/1]).

%% Calling an undefined function crashes with undef; status 1.
id(X) -> X.

main() ->
    erlang:display(before_undef),
    (?MODULE:id(no_such_module_abc)):some_function(?MODULE:id(1), two).
