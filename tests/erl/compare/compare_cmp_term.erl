%% erts_internal:cmp_term/2: the exact term order (-1, 0, 1) that sorts map keys, where
%% integers come before equal floats, against ==-order and lists:sort/1.
-module(compare_cmp_term).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Terms = [0, 0.0, -0.0, 1, 1.0, 2, 1.5, 1 bsl 70, float(1 bsl 70), -(1 bsl 70), a, b, '',
             {}, {a}, {1, 2}, {1.0, 2}, [], [1], [1.0], [1 | 2], "abc", #{}, #{1 => a},
             #{1.0 => a}, <<>>, <<1>>, <<1:1>>, fun erlang:abs/1],
    [erlang:display([erts_internal:cmp_term(?MODULE:id(A), B) || B <- Terms]) || A <- Terms],
    Sorted = lists:sort(fun(A, B) -> erts_internal:cmp_term(A, B) =< 0 end, Terms),
    erlang:display(Sorted =:= lists:sort(fun(A, B) -> A < B orelse (A == B andalso
                                                      not (is_float(A) andalso is_integer(B)))
                                         end, Terms)),
    erlang:display([erts_internal:cmp_term(?MODULE:id(X), Y)
                    || {X, Y} <- [{1, 1.0}, {1.0, 1}, {2, 1.0}, {#{1 => a}, #{1.0 => a}}]]),
    ok.
