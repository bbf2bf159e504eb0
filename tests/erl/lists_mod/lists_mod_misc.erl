-module(lists_mod_misc).
-export([main/0, id/1]).

%% Assorted lists functions: prefix/suffix, reverse/2, sublist, search,
%% enumerate, uniq (OTP 25), min/max over strings, nthtail, sumlist-free.
id(X) -> X.

main() ->
    L = ?MODULE:id([5, 3, 8, 3, 5, 1]),
    erlang:display({lists:prefix([5, 3], L), lists:suffix([5, 1], L), lists:prefix([], L)}),
    erlang:display(lists:reverse(L, [end_marker])),
    erlang:display(lists:search(fun(X) -> X > 6 end, L)),
    erlang:display(lists:search(fun(X) -> X > 60 end, L)),
    erlang:display(lists:enumerate(?MODULE:id([a, b, c]))),
    erlang:display(lists:enumerate(10, ?MODULE:id([a, b]))),
    erlang:display(lists:uniq(L)),
    erlang:display(lists:uniq(fun(X) -> X rem 3 end, L)),
    erlang:display(lists:join(0, L)),
    erlang:display(lists:splitwith(fun(X) -> X =/= 8 end, L)),
    ok.
