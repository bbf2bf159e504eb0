-module(string_display).
-export([main/0, id/1]).

%% When erlang:display prints a list as "string" vs [numbers]:
%% printable latin-1 ranges, control characters, >255 code points.
id(X) -> X.

main() ->
    [erlang:display(?MODULE:id(L)) || L <- [
        "abc", "", [0], [7], [8], [9], [10], [11], [12], [13], [27], [31], [32], [126], [127],
        [128], [159], [160], [255], [256], [1000], [16#10FFFF],
        "tab\there", "new\nline", "cr\rhere", "quote\"d", "back\\slash", "it's", "bell\a",
        [$a, 300, $b], [$a | $b], [$a, $b | "c"], ["nested", "strings"], [[$a]], [$a, [$b]],
        "mixed 123 !@#$%^&*()", [65, 66, 67], [-1], [65, -1], [65, 1.0], "\x{e9}t\x{e9}"]],
    ok.
