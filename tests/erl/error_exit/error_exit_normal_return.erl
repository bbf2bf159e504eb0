-module(error_exit_normal_return).
-export([main/0, id/1]).

%% main returns normally (its value is ignored), `-s erlang halt` then
%% exits with status 0.
id(X) -> X.

main() ->
    erlang:display(normal_run),
    {some, return, value, ?MODULE:id(1)}.
