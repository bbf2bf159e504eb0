-module(etf_new_fun).
-export([main/0, id/1]).

%% Local funs through the external format (NEW_FUN_EXT): binary_to_term gives back a fun
%% equal to the original, callable, with its environment; the Uniq field is the module's
%% checksum (module_info(md5)), which fun_info reports as new_uniq.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    X = ?MODULE:id(3),
    F = fun(Y) -> X + Y end,
    B = term_to_binary(F),
    G = binary_to_term(B),
    erlang:display({G(1), G =:= F, B =:= term_to_binary(G)}),
    H = fun() -> ok end,
    Nested = {H, [F, H], #{k => F}},
    erlang:display(binary_to_term(term_to_binary(Nested)) =:= Nested),
    erlang:display(binary_to_term(term_to_binary(Nested, [compressed])) =:= Nested),
    {new_uniq, U} = erlang:fun_info(F, new_uniq),
    erlang:display({U =:= ?MODULE:module_info(md5), U, lists:module_info(md5)}),
    <<131, 112, _Size:32, Arity, U:16/binary, Index:32, NumFree:32, _/binary>> = B,
    erlang:display({Arity, Index =:= element(2, erlang:fun_info(F, index)), NumFree}),
    erlang:display({erlang:fun_info_mfa(F), erlang:fun_info_mfa(fun lists:map/2)}),
    erlang:display({erlang:fun_info(fun lists:map/2, new_uniq), t(fun() -> erlang:fun_info_mfa(?MODULE:id(x)) end)}),
    %% truncated: badarg
    Cut = binary:part(B, 0, byte_size(B) - 3),
    erlang:display(t(fun() -> binary_to_term(Cut) end)),
    ok.
