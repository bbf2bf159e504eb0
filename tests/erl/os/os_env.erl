-module(os_env).
-export([main/0, id/1]).

%% os module BIFs: environment round trips, types of the clock and pid results, errors.
id(X) -> X.

main() ->
    erlang:display(os:getenv("JOIST_SURELY_UNSET_VARIABLE")),
    true = os:putenv("JOIST_TEST_VAR", "value with spaces"),
    erlang:display(os:getenv("JOIST_TEST_VAR")),
    erlang:display(lists:member({"JOIST_TEST_VAR", "value with spaces"}, os:env())),
    true = os:unsetenv("JOIST_TEST_VAR"),
    erlang:display(os:getenv("JOIST_TEST_VAR")),
    erlang:display(is_list(os:getpid())),
    {Mega, Sec, Micro} = os:timestamp(),
    erlang:display(is_integer(Mega + Sec + Micro)),
    erlang:display(os:system_time(second) > 1700000000),
    erlang:display(is_integer(os:perf_counter())),
    erlang:display(os:getenv("JOIST_SURELY_UNSET_VARIABLE", "default")),
    erlang:display(catch os:getenv(?MODULE:id(1))),
    ok.
