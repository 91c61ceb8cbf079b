"""Roles are duties: organizers can manage areas, categories and roles in the admin."""

import pytest
from django.contrib.auth.models import Group

from mutualaid import roles

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_four_roles_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ALL_ROLES) <= names


def test_an_organizer_can_manage_areas_in_the_admin(client):
    organizer = UserFactory(roles=[roles.ORGANIZER])
    organizer.refresh_from_db()
    assert organizer.is_staff
    client.force_login(organizer)
    assert client.get("/admin/mutualaid/area/").status_code == 200
    response = client.post(
        "/admin/mutualaid/area/add/", {"name": "Harbor", "slug": "harbor", "order": 3}
    )
    assert response.status_code == 302
    assert client.get("/admin/mutualaid/category/").status_code == 200


def test_a_neighbor_without_the_role_has_no_admin(client):
    neighbor = UserFactory()
    client.force_login(neighbor)
    assert client.get("/admin/mutualaid/area/").status_code == 302


def test_stepping_down_as_organizer_removes_admin_access():
    organizer = UserFactory(roles=[roles.ORGANIZER])
    organizer.groups.remove(Group.objects.get(name=roles.ORGANIZER))
    organizer.refresh_from_db()
    assert not organizer.is_staff


def test_the_organizer_role_holds_exactly_its_admin_permissions():
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name=roles.ORGANIZER)
    group.permissions.add(Permission.objects.get(codename="change_group"))
    roles.sync_role_permissions()
    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert "auth.change_group" not in granted and "mutualaid.view_report" not in granted
    assert {"mutualaid.change_user", "freestore.add_store", "freestore.change_thing"} <= granted
    assert not {"freestore.view_loan", "freestore.view_hold", "freestore.view_stockmovement"} & (
        granted
    )
