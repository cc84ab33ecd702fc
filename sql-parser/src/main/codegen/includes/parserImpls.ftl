<#-- Weir's statement grammar, included into Calcite's Parser.jj. -->
