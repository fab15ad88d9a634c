Creator "igraph version 1.0.0 Mon Nov 30 07:12:52 2026"
Version 1
graph
[
  directed 0
  name "Fixture: written by networkx"
  node
  [
    id 0
    label "Chantier « Les Jardins » &amp; Cie"
    kind "aci"
    employees 12
    fte 10.5
    certified 1
    name "aci-1"
  ]
  node
  [
    id 1
    label "Entreprise &quot;Réemploi&quot;"
    kind "ei"
    employees 30
    fte 27.25
    certified 0
    name "ei-2"
  ]
  node
  [
    id 2
    label "Commune de Saint-Étienne"
    kind "commune"
    employees 0
    fte 0
    certified 0
    name "commune-3"
  ]
  node
  [
    id 3
    label "Banque coopérative"
    kind "bank"
    employees 1200
    fte 1150.5
    certified 1
    name "bank-4"
  ]
  node
  [
    id 4
    label "Association Ωmega"
    kind "association"
    employees 3
    fte 2.5
    certified 0
    name "asso-5"
  ]
  edge
  [
    source 1
    target 0
    weight 2.5
    type "pooling"
  ]
  edge
  [
    source 2
    target 0
    weight 1
    type "agreement"
  ]
  edge
  [
    source 3
    target 1
    weight 3
    type "financing"
  ]
  edge
  [
    source 4
    target 2
    weight 0.125
    type "support"
  ]
]
