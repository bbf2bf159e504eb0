-module(error_exit_crash_bif).
-export([main/0, id/1]).

%% Uncaught badarg from a BIF: the top stack frame is the BIF itself with
%% [{error_info,#{module=>erl_erts_errors}}]; status 1.
id(X) -> X.

main() ->
    erlang:display(before_bif_crash),
    list_to_atom(?MODULE:id(not_a_list)).
