graph [
  name "Fixture: written by networkx"
  node [
    id 0
    label "aci-1"
    kind "aci"
    employees 12
    fte 10.5
    certified 1
    name "Chantier &#171; Les Jardins &#187; &#38; Cie"
  ]
  node [
    id 1
    label "ei-2"
    kind "ei"
    employees 30
    fte 27.25
    certified 0
    name "Entreprise &#34;R&#233;emploi&#34;"
  ]
  node [
    id 2
    label "commune-3"
    kind "commune"
    employees 0
    fte 0.0
    certified 0
    name "Commune de Saint-&#201;tienne"
  ]
  node [
    id 3
    label "bank-4"
    kind "bank"
    employees 1200
    fte 1150.5
    certified 1
    name "Banque coop&#233;rative"
  ]
  node [
    id 4
    label "asso-5"
    kind "association"
    employees 3
    fte 2.5
    certified 0
    name "Association &#937;mega"
  ]
  edge [
    source 0
    target 1
    weight 2.5
    type "pooling"
  ]
  edge [
    source 0
    target 2
    weight 1.0
    type "agreement"
  ]
  edge [
    source 1
    target 3
    weight 3.0
    type "financing"
  ]
  edge [
    source 2
    target 4
    weight 0.125
    type "support"
  ]
]
