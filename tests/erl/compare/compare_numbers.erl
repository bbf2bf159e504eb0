-module(compare_numbers).
-export([main/0, id/1]).

%% Numeric comparison: == vs =:=, mixed int/float/bignum, sorting keeps
%% equal elements in original order (stable), usort dedups by ==.
id(X) -> X.

main() ->
    erlang:display({?MODULE:id(1) == 1.0, ?MODULE:id(1) =:= 1.0, ?MODULE:id(1) /= 1.0, ?MODULE:id(1) =/= 1.0}),
    erlang:display({?MODULE:id(1) < 1.0, ?MODULE:id(1) =< 1.0, ?MODULE:id(1.0) >= 1, ?MODULE:id(2) > 1.5}),
    erlang:display(lists:sort([?MODULE:id(X) || X <- [1.0, 1, 2, 2.0, 0.5, -1, -1.0, 1 bsl 70, 1.0e21]])),
    erlang:display(lists:sort([?MODULE:id(X) || X <- [1, 1.0, 2.0, 2, -1.0, -1]])),
    erlang:display(lists:usort([?MODULE:id(X) || X <- [1, 1.0, 2.0, 2, 3]])),
    erlang:display({max(?MODULE:id(1), 1.0), max(?MODULE:id(1.0), 1), min(?MODULE:id(1), 1.0), min(?MODULE:id(1.0), 1)}),
    erlang:display({tuples, {?MODULE:id(1)} == {1.0}, {?MODULE:id(1)} =:= {1.0}, [?MODULE:id(1)] == [1.0]}),
    ok.
