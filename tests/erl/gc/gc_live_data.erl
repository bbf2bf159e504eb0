-module(gc_live_data).
-export([main/0, id/1]).

%% A large live data set (strings, floats, bignums, tuples) survives
%% heavy allocation pressure unchanged.
id(X) -> X.

mkdata(N) ->
    [{I, integer_to_list(I), I * 1.5, (1 bsl 70) + I, [I, {I}]} || I <- lists:seq(1, N)].

check([], _) -> ok;
check([{I, S, F, B, [I2, {I3}]} = E | T], I) ->
    case S =:= integer_to_list(I) andalso F == I * 1.5 andalso B =:= (1 bsl 70) + I andalso I2 =:= I andalso I3 =:= I of
        true -> check(T, I + 1);
        false -> {corrupt, I, E}
    end;
check([Bad | _], I) -> {corrupt, I, Bad}.

churn(0) -> ok;
churn(N) -> _ = lists:reverse(lists:seq(1, 20000)), _ = [float(X) || X <- lists:seq(1, 2000)], churn(N - 1).

main() ->
    D = mkdata(?MODULE:id(20000)),
    churn(?MODULE:id(100)),
    erlang:display(check(D, 1)),
    erlang:display({length(D), lists:last(D)}),
    ok.
