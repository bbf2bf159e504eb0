%% erlang:ref_to_list/1 and list_to_ref/1: a made reference survives the round trip (its text
%% is not printed: it differs per run), fixed texts name local references ("#Ref<0.A.B.C>",
%% numbers below 2^32), and anything else is badarg.
-module(conv_ref_list).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    R = make_ref(),
    S = ref_to_list(R),
    erlang:display(list_to_ref(?MODULE:id(S)) =:= R),
    erlang:display(lists:prefix("#Ref<0.", S) andalso lists:last(S) =:= $>),
    erlang:display(list_to_ref(?MODULE:id(S)) =:= make_ref()),
    Texts = ["#Ref<0.1.2.3>", "#Ref<0.4294967295.2.3>", "#Ref<00.1.2.3>", "#Ref<0.01.2.3>",
             "#Ref<0.1.2>", "#Ref<0.1.2.3.4>", "#Ref<0.1.2.3.4.5>", "#Ref<1.2.3.4>",
             "#Ref<0.4294967296.2.3>", "#Ref<0.1.2.3", "#Ref<0..2.3>", "#Ref<0.1.2.3> ",
             "#Ref<0>", "#Ref<0.1>", "#Ref<0.a.2.3>", "Ref<0.1.2.3>", "", [$#, 256],
             [$# | a], a, <<"#Ref<0.1.2.3>">>],
    [erlang:display(catch_reason(fun() -> ref_to_list(list_to_ref(?MODULE:id(T))) end))
     || T <- Texts],
    erlang:display(list_to_ref(?MODULE:id("#Ref<0.1.2.3>")) =:= list_to_ref("#Ref<0.1.2.3>")),
    [erlang:display(catch_reason(fun() -> ref_to_list(?MODULE:id(X)) end))
     || X <- [a, 1, "#Ref<0.1.2.3>", self()]],
    ok.

catch_reason(F) ->
    try F() catch error:Reason -> {error, Reason} end.
