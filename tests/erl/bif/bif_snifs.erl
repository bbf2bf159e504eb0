-module(bif_snifs).
-export([main/0]).

%% system_info(snifs): the natively implemented functions as {M, F, A}, no duplicates; the
%% lists module's are its five BIFs in both VMs.
main() ->
    S = erlang:system_info(snifs),
    erlang:display(lists:all(fun({M, F, A}) -> is_atom(M) andalso is_atom(F) andalso is_integer(A);
                                (_) -> false end, S)),
    erlang:display(length(S) =:= length(lists:usort(S))),
    erlang:display(lists:sort([X || {lists, _, _} = X <- S])),
    erlang:display([lists:member(X, S) || X <- [{erlang, self, 0}, {erlang, '+', 2}, {lists, map, 2}]]),
    ok.
