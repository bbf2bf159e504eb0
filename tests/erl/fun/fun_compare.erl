-module(fun_compare).
-export([main/0, id/1, f/0]).

%% Equality of funs: same code and same environment are equal.
id(X) -> X.
f() -> ok.

mk(X) -> fun() -> X end.

main() ->
    A1 = mk(?MODULE:id(1)), A2 = mk(?MODULE:id(1)), B = mk(?MODULE:id(2)),
    erlang:display({A1 =:= A2, A1 == A2, A1 =:= B, A1 < B orelse A1 > B}),
    erlang:display({ext, fun ?MODULE:f/0 =:= fun ?MODULE:f/0, fun ?MODULE:f/0 =:= fun lists:seq/2}),
    erlang:display({local_vs_ext, fun f/0 =:= fun ?MODULE:f/0}),
    erlang:display({order_with_others, ?MODULE:id(A1) > 1, ?MODULE:id(A1) > zzz, ?MODULE:id(A1) < {}, ?MODULE:id(A1) < []}),
    erlang:display({is_fun_sorted, length(lists:usort([A1, A2, B, A1]))}),
    ok.
