-module(fun_display).
-export([main/0, id/1, ext/1]).

%% How erlang:display prints funs: external funs as "fun M:F/A",
%% local funs as #Fun<Module.Index.Uniq> (Uniq comes from the FunT chunk).
id(X) -> X.
ext(X) -> X.

main() ->
    erlang:display(fun lists:reverse/1),
    erlang:display(fun ?MODULE:ext/1),
    erlang:display(?MODULE:id(fun erlang:'+'/2)),
    erlang:display([fun lists:seq/2, {fun lists:seq/3}]),
    Y = ?MODULE:id(1),
    erlang:display(fun() -> Y end),
    erlang:display(fun(A) -> A end),
    erlang:display(fun ext/1),
    ok.
