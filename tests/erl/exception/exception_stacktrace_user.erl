-module(exception_stacktrace_user).
-export([main/0, id/1, a/1, ext_entry/1]).

%% Full stacktraces (with file/line info) for errors raised in user code:
%% non-tail nested calls, tail calls (frames replaced), funs, error/2
%% (args in the top frame), function_clause (args in the top frame).
id(X) -> X.

a(X) -> [b(X)].
b(X) -> [c(X)].
c(X) -> case ?MODULE:id(X) of 0 -> ok; _ -> error({c_failed, X}) end.

tail_a(X) -> tail_b(X).
tail_b(X) -> tail_c(X).
tail_c(X) -> case ?MODULE:id(X) of 0 -> ok; _ -> error({tail, X}) end.

only_one(one) -> 1.

with_args(A, B) -> erlang:error(badthing, [A, B]).

ext_entry(X) -> [?MODULE:a(X)].

show(F) ->
    try F() catch C:R:St -> erlang:display({C, R}), erlang:display(St) end.

main() ->
    show(fun() -> a(?MODULE:id(1)) end),
    show(fun() -> tail_a(?MODULE:id(2)) end),
    show(fun() -> only_one(?MODULE:id(two)) end),
    show(fun() -> with_args(?MODULE:id(x), "y") end),
    show(fun() -> ext_entry(?MODULE:id(3)) end),
    show(fun() -> [(fun(Z) -> error({in_fun, Z}) end)(?MODULE:id(4))] end),
    show(fun() -> throw(?MODULE:id(t)) end),
    show(fun() -> exit(?MODULE:id(x)) end),
    show(fun() -> {ok, _} = ?MODULE:id(nomatch), ok end),
    show(fun() -> case ?MODULE:id(q) of p -> ok end end),
    ok.
