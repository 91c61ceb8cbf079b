from django.urls import path

from . import views

app_name = "freestore"

urlpatterns = [
    path("", views.index, name="index"),
    path("needed/", views.needed, name="needed"),
    path("needed/<int:pk>/pledge/", views.pledge, name="pledge"),
    path("pledges/<int:pk>/received/", views.pledge_receive, name="pledge_receive"),
    path("pledges/<int:pk>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
    path("shelf/", views.shelf, name="shelf"),
    path("shelf/new/", views.thing_edit, name="thing_create"),
    path("shelf/<int:pk>/", views.thing_detail, name="thing_detail"),
    path("shelf/<int:pk>/edit/", views.thing_edit, name="thing_edit"),
    path("shelf/<int:pk>/borrow/", views.thing_borrow, name="thing_borrow"),
    path("shelf/<int:pk>/hold/", views.thing_hold, name="thing_hold"),
    path("shelf/<int:pk>/status/", views.thing_status, name="thing_status"),
    path("holds/<int:pk>/cancel/", views.hold_cancel, name="hold_cancel"),
    path("loans/", views.loans, name="loans"),
    path("loans/<int:pk>/return/", views.loan_return, name="loan_return"),
    path("loans/<int:pk>/renew/", views.loan_renew, name="loan_renew"),
    path("shifts/", views.shifts, name="shifts"),
    path("shifts/new/", views.shift_create, name="shift_create"),
    path("shifts/<int:pk>/", views.shift_detail, name="shift_detail"),
    path("shifts/<int:pk>/sign-up/", views.shift_sign_up, name="shift_sign_up"),
    path("shifts/<int:pk>/cancel/", views.shift_cancel, name="shift_cancel"),
    path("volunteer/", views.volunteer_home, name="volunteer"),
    path("intake/", views.intake, name="intake"),
    path("items/", views.items, name="items"),
    path("items/new/", views.item_edit, name="item_create"),
    path("items/suggest/", views.item_suggest, name="item_suggest"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("basket/", views.basket, name="basket"),
    path("basket/add/", views.basket_add, name="basket_add"),
    path("basket/<int:item_id>/remove/", views.basket_remove, name="basket_remove"),
    path("basket/check-out/", views.basket_check_out, name="basket_check_out"),
    path("stocktake/", views.stocktake, name="stocktake"),
    path("reports/", views.report, name="report"),
    path("reports/movements.csv", views.movements_csv, name="movements_csv"),
]
