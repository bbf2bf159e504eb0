-module(bif_process_dict).
-export([main/0, id/1]).

%% Process dictionary: put/get/erase/get_keys (sequential use only).
id(X) -> X.

main() ->
    erlang:display({put(a, ?MODULE:id(1)), put(a, 2), get(a), get(missing)}),
    put({complex, key}, [v]),
    put(1.5, float_key),
    erlang:display({get({complex, key}), get(1.5), get(1)}),
    erlang:display(lists:sort(get_keys(?MODULE:id([v])))),
    erlang:display({erase(a), erase(a), get(a)}),
    [put(I, I * I) || I <- lists:seq(1, 100)],
    erlang:display({sum, lists:sum([get(I) || I <- lists:seq(1, 100)])}),
    erlang:display({erase_all_size, length([K || {K, _} <- erase(), is_integer(K)])}),
    erlang:display({after_erase, get(1), get({complex, key})}),
    ok.
