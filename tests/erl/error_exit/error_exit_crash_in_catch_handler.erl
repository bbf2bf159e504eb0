-module(error_exit_crash_in_catch_handler).
-export([main/0, id/1]).

%% An exception raised inside a catch clause escapes; status 1.
id(X) -> X.

main() ->
    try error(?MODULE:id(first))
    catch error:first ->
        erlang:display(handling_first),
        error(?MODULE:id(second_from_handler))
    end.
