-module(guard_if).
-export([main/0, id/1]).

%% if expressions: first true guard wins, `true` as catch-all,
%% if_clause when nothing matches, guards that raise count as false.
id(X) -> X.

sign(X) ->
    if X > 0 -> positive;
       X < 0 -> negative;
       true -> zero
    end.

grade(S) ->
    if S >= 90 -> a; S >= 80 -> b; S >= 70 -> c; S >= 60 -> d; true -> f end.

main() ->
    erlang:display([sign(?MODULE:id(V)) || V <- [5, -5, 0, 0.0, -0.5]]),
    erlang:display([grade(?MODULE:id(S)) || S <- [95, 85, 75, 65, 55, 90, 89.9]]),
    One = ?MODULE:id(1),
    erlang:display(try if One > 2 -> yes end catch error:E -> E end),
    X = ?MODULE:id(a),
    erlang:display(if X + 1 > 0 -> raised_guard_true; true -> guard_failed_quietly end),
    ok.
