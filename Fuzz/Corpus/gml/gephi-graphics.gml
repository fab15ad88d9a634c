graph [
  directed 1
  label "Réseau &quot;test&quot;"
  node [ id 1 label "A" graphics [ x 1.5 y 2 fill "#FF0000" ] ]
  node [ id 2 label "B &#233;" kind "aci" ]
  edge [ source 1 target 2 weight 2.5 label "co" ]
]
