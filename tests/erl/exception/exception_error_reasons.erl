-module(exception_error_reasons).
-export([main/0, id/1, one/1]).

%% Every standard runtime error reason, caught as class:reason.
id(X) -> X.
one(1) -> one.

-record(rec, {a, b}).

t(Tag, F) -> erlang:display({Tag, try F() of V -> {ok, V} catch C:R -> {C, R} end}).

main() ->
    t(badarith, fun() -> ?MODULE:id(1) + ?MODULE:id(x) end),
    t(badarg, fun() -> atom_to_list(?MODULE:id(1)) end),
    t(badmatch, fun() -> {a, _} = ?MODULE:id({b, c}) end),
    t(case_clause, fun() -> case ?MODULE:id({x, 1}) of {y, _} -> ok end end),
    t(if_clause, fun() -> X = ?MODULE:id(1), if X > 1 -> ok end end),
    t(function_clause, fun() -> ?MODULE:one(?MODULE:id(2)) end),
    t(function_clause_fun, fun() -> (fun(a) -> ok end)(?MODULE:id(b)) end),
    t(undef, fun() -> (?MODULE:id(?MODULE)):nonexistent(1) end),
    t(undef_module, fun() -> (?MODULE:id(no_such_mod_zz)):f() end),
    t(badfun, fun() -> (?MODULE:id(notfun))() end),
    t(badarity, fun() -> (?MODULE:id(fun() -> ok end))(1) =:= x end),
    t(try_clause, fun() -> try ?MODULE:id(v) of w -> ok catch _:_ -> c end end),
    t(badrecord, fun() -> R = ?MODULE:id({other, 1}), R#rec.a end),
    t(system_limit, fun() -> list_to_atom(lists:duplicate(?MODULE:id(300), $a)) end),
    t(nocatch_is_throw, fun() -> throw(?MODULE:id(x)) end),
    t(user_error, fun() -> error(?MODULE:id({my, error})) end),
    t(exit_reason, fun() -> exit(?MODULE:id({shutdown, x})) end),
    ok.
