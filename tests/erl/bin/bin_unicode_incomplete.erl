-module(bin_unicode_incomplete).
-export([main/0, id/1]).

%% UTF-8 input that ends inside a sequence is incomplete whenever the lead byte announces
%% 2 to 4 bytes and only continuation bytes follow, even if the whole sequence could never be
%% valid (surrogates, overlong forms, over 10FFFF): erl checks those once the sequence is whole.
id(X) -> X.

cases() ->
    [<<16#ED, 16#A0>>, <<16#ED>>, <<16#ED, 16#9F>>, <<16#E0, 16#80>>, <<16#E0, 16#9F>>,
     <<16#E0, 16#A0>>, <<16#F0, 16#80>>, <<16#F0, 16#8F>>, <<16#F4, 16#90>>, <<16#F4, 16#8F>>,
     <<16#F0, 16#80, 16#80>>, <<16#F4, 16#90, 16#80>>, <<16#F7, 16#BF, 16#BF>>,
     <<16#ED, 16#A0, 16#80>>, <<16#E0, 16#80, 16#80>>, <<16#C0>>, <<16#C1>>, <<16#C0, 16#80>>,
     <<16#F5>>, <<16#F8>>, <<16#FF>>, <<16#80>>].

main() ->
    Cs = [?MODULE:id(C) || C <- cases()],
    erlang:display([unicode:characters_to_binary(C, unicode) || C <- [?MODULE:id(<<16#E0, 16#41>>) | Cs]]),
    erlang:display([unicode:characters_to_binary([$a, C], unicode) || C <- Cs]),
    erlang:display([unicode:characters_to_list(C, unicode) || C <- Cs]),
    %% a prefix carried into the next element is judged whole there
    erlang:display([unicode:characters_to_binary([<<16#ED>>, <<16#A0>>, Next], unicode)
                    || Next <- [<<16#80>>, <<>>, <<"x">>]]),
    erlang:display([unicode:characters_to_binary([<<16#E0, 16#80>>, <<16#80, "z">>], unicode),
                    unicode:characters_to_binary([<<"ok", 16#F0, 16#9F>>, <<16#98, 16#80>>], unicode)]),
    ok.
