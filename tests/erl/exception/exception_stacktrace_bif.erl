-module(exception_stacktrace_bif).
-export([main/0, id/1]).

%% Stacktraces of errors raised inside BIFs and operators. NOTE: erl adds
%% [{error_info,#{module=>erl_erts_errors}}] (a map) to BIF frames, and
%% arithmetic instructions with a non-literal failure may have no BIF frame.
id(X) -> X.

main() ->
    erlang:display(catch element(?MODULE:id(5), {a})),
    erlang:display(catch atom_to_list(?MODULE:id("x"))),
    erlang:display(catch ?MODULE:id(1) + ?MODULE:id(a)),
    erlang:display(catch ?MODULE:id(1) / ?MODULE:id(0)),
    erlang:display(catch ?MODULE:id(7) div ?MODULE:id(0)),
    erlang:display(catch hd(?MODULE:id([]))),
    erlang:display(catch list_to_integer(?MODULE:id("12x"))),
    erlang:display(catch lists:reverse(?MODULE:id(x), [])),
    erlang:display(catch lists:nth(?MODULE:id(0), [a])),
    erlang:display(catch lists:foldl(fun(X, A) -> X + A end, 0, ?MODULE:id([1, b]))),
    erlang:display(catch erlang:length(?MODULE:id(improper))),
    erlang:display(catch lists:map(fun(X) -> X * 2 end, ?MODULE:id(notlist))),
    ok.
