-module(compare_refs_funs).
-export([main/0, id/1]).

%% References and funs: only compared, never printed.
id(X) -> X.

main() ->
    R1 = make_ref(), R2 = make_ref(),
    erlang:display({R1 =:= R1, R1 =:= R2, R1 == R2, R1 /= R2, is_reference(R1), is_reference(?MODULE:id(r))}),
    erlang:display({ref_vs_atom, R1 > zzz, R1 < {}, R1 < self(), R1 > 1 bsl 100}),
    L = [make_ref() || _ <- lists:seq(1, 10)],
    erlang:display({unique, length(lists:usort(L)), length(lists:usort(L ++ L))}),
    F = fun() -> a end,
    erlang:display({fun_vs_ref, F > R1, F < self(), F < {}, F =:= F}),
    erlang:display({self_eq, self() =:= self(), self() == ?MODULE:id(self()), is_pid(self())}),
    ok.
