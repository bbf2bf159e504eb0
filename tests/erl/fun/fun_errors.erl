-module(fun_errors).
-export([main/0, id/1]).

%% badfun and badarity errors (reasons include the offending fun/value).
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, norm(R)} end.

%% replace funs in the reason by their arity so output doesn't depend
%% on fun naming details
norm({badarity, {F, Args}}) when is_function(F) -> {badarity, {arity, element(2, erlang:fun_info(F, arity)), Args}};
norm(R) -> R.

main() ->
    F1 = ?MODULE:id(fun(X) -> X end),
    erlang:display([t(fun() -> F1() end), t(fun() -> F1(1, 2) end), t(fun() -> F1(1) end),
                    t(fun() -> (?MODULE:id(notfun))(1) end), t(fun() -> (?MODULE:id({a, b}))() end),
                    t(fun() -> (?MODULE:id([]))(1, 2) end), t(fun() -> (?MODULE:id(fun lists:reverse/1))(1, 2) end),
                    t(fun() -> (?MODULE:id(42))() end)]),
    ok.
