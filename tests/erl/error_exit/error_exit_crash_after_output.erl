-module(error_exit_crash_after_output).
-export([main/0, id/1]).

%% Plenty of output before an uncaught error(Reason); all of it must be
%% flushed before the crash report line; status 1.
id(X) -> X.

main() ->
    [erlang:display({line, I, lists:seq(1, I rem 10)}) || I <- lists:seq(1, ?MODULE:id(300))],
    error(?MODULE:id({custom, "error reason"})).
