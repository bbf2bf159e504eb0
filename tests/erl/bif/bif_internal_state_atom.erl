-module(bif_internal_state_atom).
-export([main/0, id/1]).

%% erts_debug:get_internal_state({atom, N}): undef until available_internal_state is set; then
%% the atom with index N, the table being filled up to N with atoms named "am<hex index>".
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> erts_debug:get_internal_state({atom, 1}) end)),
    false = erts_debug:set_internal_state(available_internal_state, true),
    N = ?MODULE:id(200000),
    A = erts_debug:get_internal_state({atom, N}),
    erlang:display({A, A =:= erts_debug:get_internal_state({atom, N}),
                    erlang:system_info(atom_count) > N,
                    erts_debug:get_internal_state({atom, N - 1})}),
    Low = [erts_debug:get_internal_state({atom, I}) || I <- lists:seq(0, 50)],
    erlang:display({lists:all(fun erlang:is_atom/1, Low), length(lists:usort(Low))}),
    erlang:display([t(fun() -> erts_debug:get_internal_state(?MODULE:id(X)) end)
                    || X <- [{atom, -1}, {atom, a}, {atom, 1.0}, {nosuch, 1}]]),
    true = erts_debug:set_internal_state(available_internal_state, false),
    ok.
