-module(gc_tuples).
-export([main/0, id/1]).

%% Lots of short-lived tuples and repeated setelement on a large tuple
%% (each setelement copies the tuple).
id(X) -> X.

churn(0, T) -> T;
churn(N, {A, B, C}) -> churn(N - 1, {B, C, (A + B + C) rem 1000003}).

upd(0, T) -> T;
upd(N, T) ->
    I = (N rem tuple_size(T)) + 1,
    upd(N - 1, setelement(I, T, element(I, T) + N)).

main() ->
    erlang:display(churn(?MODULE:id(2000000), {1, 2, 3})),
    T = upd(?MODULE:id(20000), erlang:make_tuple(1000, 0)),
    erlang:display({lists:sum(tuple_to_list(T)), element(1, T), element(1000, T)}),
    ok.
