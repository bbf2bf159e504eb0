-module(bif_max_min).
-export([main/0, id/1]).

%% erlang:max/2, min/2 across types (term order), and equal-value choice.
id(X) -> X.

main() ->
    Pairs = [{1, 2}, {2, 1}, {1, 1.0}, {1.0, 1}, {a, 1}, {{}, []}, {"a", "b"}, {[], {}}, {1 bsl 70, 1.0e30}, {-0.0, 0.0}],
    erlang:display([{max(?MODULE:id(A), ?MODULE:id(B)), min(?MODULE:id(A), ?MODULE:id(B))} || {A, B} <- Pairs]),
    erlang:display({erlang:max(?MODULE:id(x), y), erlang:min(?MODULE:id(x), y)}),
    ok.
