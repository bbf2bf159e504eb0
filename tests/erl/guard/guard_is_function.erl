-module(guard_is_function).
-export([main/0, id/1, e/2]).

%% is_function/2 in guards (arity check), is_record-like guard tests.
id(X) -> X.
e(A, B) -> {A, B}.

call(F) when is_function(F, 0) -> {zero, F()};
call(F) when is_function(F, 1) -> {one, F([x, y])};
call(F) when is_function(F, 2) -> {two, F(x, y)};
call(F) when is_function(F) -> {other_arity, element(2, erlang:fun_info(F, arity))};
call(_) -> not_a_fun.

main() ->
    erlang:display([call(?MODULE:id(F)) || F <- [fun() -> z end, fun(A) -> {a, A} end, fun ?MODULE:e/2,
                                               fun(_, _, _) -> q end, fun lists:reverse/1, notfun]]),
    erlang:display({bad_arity_arg, try is_function(fun() -> ok end, ?MODULE:id(-1)) catch C:R -> {C, R} end}),
    erlang:display({bad_arity_arg2, try is_function(fun() -> ok end, ?MODULE:id(a)) catch C2:R2 -> {C2, R2} end}),
    ok.
