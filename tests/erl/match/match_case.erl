-module(match_case).
-export([main/0, id/1]).

%% case expressions: clause order, guards, catch-all, variable export
%% from case branches, case_clause errors.
id(X) -> X.

kind(V) ->
    case V of
        0 -> zero;
        N when is_integer(N), N < 0 -> negative_int;
        N when is_integer(N) -> positive_int;
        F when is_float(F) -> float;
        [] -> empty_list;
        [_ | _] -> list;
        {} -> empty_tuple;
        T when is_tuple(T) -> {tuple, tuple_size(T)};
        A when is_atom(A) -> atom;
        _ -> unknown
    end.

main() ->
    erlang:display([kind(?MODULE:id(V)) || V <- [0, -3, 7, 1.5, [], [a], {}, {a, b}, ok, fun() -> x end]]),
    Res = case ?MODULE:id({ok, 5}) of
              {ok, Val} -> Msg = found, Val * 2;
              {error, _} -> Msg = failed, 0
          end,
    erlang:display({Res, Msg}),
    erlang:display(try case ?MODULE:id(nope) of yes -> 1 end catch error:E -> E end),
    erlang:display(case ?MODULE:id(3) of X when X > 5 -> big; X when X > 2 -> medium; _ -> small end),
    ok.
